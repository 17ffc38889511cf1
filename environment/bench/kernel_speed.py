"""Measures the workbench kernel: time to kernel_info_reply after start, and a Tablesaw + XChart chart cell
(cold, then warm). Uses the installed kernelspec (default "foolshap", which puts lib/target/foolshap.jar on the
class path); with --maven the cell loads XChart and Tablesaw through %maven instead.

  /usr/bin/python3 environment/bench/kernel_speed.py [--kernel NAME] [--maven] [--runs N]
"""
import argparse
import statistics
import time

from jupyter_client.manager import KernelManager

CHART_CELL = """import org.knowm.xchart.*;
import tech.tablesaw.api.*;
double[] xs = new double[50], ys = new double[50];
for (int i = 0; i < 50; i++) { xs[i] = i; ys[i] = Math.sin(i / 5.0); }
Table t = Table.create("wave", DoubleColumn.create("x", xs), DoubleColumn.create("y", ys));
XYChart chart = new XYChartBuilder().width(500).height(300).title("sin").build();
chart.addSeries("y", t.doubleColumn("x").asDoubleArray(), t.doubleColumn("y").asDoubleArray());
chart"""


def run_cell(kc, code, timeout=120):
    start = time.perf_counter()
    msg_id = kc.execute(code)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    mimes = set()
    while True:  # until idle: the output has been sent
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] in ("execute_result", "display_data"):
            mimes.update(msg["content"]["data"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return time.perf_counter() - start, reply["content"]["status"], mimes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="foolshap")
    ap.add_argument("--maven", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    km = KernelManager(kernel_name=args.kernel)
    start = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    ready = time.perf_counter() - start
    print(f"kernel ready (kernel_info answered): {ready:.2f} s")
    try:
        if args.maven:
            t, status, _ = run_cell(kc, "%maven org.knowm.xchart:xchart:3.8.8 tech.tablesaw:tablesaw-core:0.44.4", 600)
            print(f"%maven xchart + tablesaw: {t:.2f} s ({status})")
        t, status, mimes = run_cell(kc, "1 + 1")
        print(f"first trivial cell: {t:.2f} s ({status})")
        t, status, mimes = run_cell(kc, CHART_CELL)
        print(f"chart cell, cold: {t:.2f} s ({status}, {sorted(mimes)})")
        warm = []
        for _ in range(args.runs):
            t, status, mimes = run_cell(kc, CHART_CELL)
            assert status == "ok" and "image/png" in mimes, (status, mimes)
            warm.append(t)
        print(f"chart cell, warm: median {statistics.median(warm):.2f} s, min {min(warm):.2f} s, max {max(warm):.2f} s"
              f" over {len(warm)} runs")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


if __name__ == "__main__":
    main()
