package org.foolshap.attack;

import java.util.HashMap;
import java.util.Map;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The paper's minimum-cost flow (Section 4.2) solved by JGraphT's capacity scaling, with the capacity of
 * source -> left_i set to {@code cap} (N in the paper). Supplies are in units of 1/N so capacities are integers.
 * Two equivalent networks: the paper's complete bipartite one (N^2 arcs, the reference) and a line network with
 * O(N) arcs that exploits the one-dimensional cost |f_i - f_j| (used by {@link CappedWeights}).
 */
final class TransportNetwork {
    /** Above this the N^2 network (4 million arcs at the limit, minutes and gigabytes) is impractical. */
    static final int MAX_POINTS = 2000;

    private TransportNetwork() {
    }

    /**
     * The line network, equivalent to the complete one and O(N) in size: nodes are the background points in output
     * order; source -> i (capacity cap, cost beta c_i - min); i -> sink (capacity 1); between neighbours in output
     * order, arcs both ways with unbounded capacity (N) and cost lambda (f_next - f_prev).
     *
     * <p>Why it is the same problem: a path from i to j along the line costs exactly lambda |f_i - f_j|, so every
     * plan of the complete network maps to a flow here of the same cost; conversely every flow here decomposes into
     * source -> i -> ... -> j -> sink paths plus cycles, the cycles cost >= 0 (opposite arcs have equal cost), and
     * each path costs at least beta c_i + lambda |f_i - f_j|, so it is no cheaper than the plan sending those units
     * from i to j. Equal optima; the weights (flows out of the source) are an optimal solution of both.
     */
    static Weights line(double[] c, double[] f, double beta, double lambda, int cap) {
        int n = c.length;
        double min = minCost(c, beta);
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(
                DefaultWeightedEdge.class);
        int source = n;
        int sink = n + 1;
        for (int v = 0; v < n + 2; v++) {
            g.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        DefaultWeightedEdge[] in = new DefaultWeightedEdge[n];
        for (int i = 0; i < n; i++) {
            in[i] = edge(g, capacity, source, i, beta * c[i] - min, cap);
            edge(g, capacity, i, sink, 0, 1);
        }
        int[] order = IndexSort.ascending(f);
        DefaultWeightedEdge[] up = new DefaultWeightedEdge[Math.max(0, n - 1)];
        DefaultWeightedEdge[] down = new DefaultWeightedEdge[Math.max(0, n - 1)];
        for (int k = 0; k + 1 < n; k++) {
            double gap = f[order[k + 1]] - f[order[k]];
            up[k] = edge(g, capacity, order[k], order[k + 1], lambda * gap, n);
            down[k] = edge(g, capacity, order[k + 1], order[k], lambda * gap, n);
        }
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow = solve(g, source, sink, n, capacity);
        int[] counts = new int[n];
        int[] target = new int[n];
        java.util.Arrays.fill(target, -1); // the line flow does not say which unit went where
        double shift = 0;
        for (int i = 0; i < n; i++) {
            counts[i] = (int) Math.round(flow.getFlow(in[i]));
            shift += counts[i] * c[i];
        }
        double transport = 0;
        for (int k = 0; k + 1 < n; k++) {
            double gap = f[order[k + 1]] - f[order[k]];
            transport += (flow.getFlow(up[k]) + flow.getFlow(down[k])) * gap;
        }
        return new Weights(counts, target, beta, lambda, shift / n, transport / n);
    }

    /** The paper's complete bipartite network, N^2 arcs: the independent reference the tests compare against. */
    static Weights complete(double[] c, double[] f, double beta, double lambda, int cap) {
        int n = c.length;
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("the complete network has N^2 = " + (long) n * n
                    + " arcs; N = " + n + " is above " + MAX_POINTS);
        }
        double min = minCost(c, beta);
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(
                DefaultWeightedEdge.class);
        int source = 2 * n;
        int sink = 2 * n + 1;
        for (int v = 0; v < 2 * n + 2; v++) {
            g.addVertex(v);
        }
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        DefaultWeightedEdge[] in = new DefaultWeightedEdge[n];
        DefaultWeightedEdge[][] arc = new DefaultWeightedEdge[n][n];
        for (int i = 0; i < n; i++) {
            in[i] = edge(g, capacity, source, i, beta * c[i] - min, cap);
            edge(g, capacity, n + i, sink, 0, 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                arc[i][j] = edge(g, capacity, i, n + j, lambda * Math.abs(f[i] - f[j]), 1);
            }
        }
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow = solve(g, source, sink, n, capacity);
        int[] counts = new int[n];
        int[] target = new int[n];
        double shift = 0;
        double transport = 0;
        for (int i = 0; i < n; i++) {
            counts[i] = (int) Math.round(flow.getFlow(in[i]));
            shift += counts[i] * c[i];
        }
        for (int j = 0; j < n; j++) {
            target[j] = -1;
            for (int i = 0; i < n; i++) {
                if (flow.getFlow(arc[i][j]) > 0.5) {
                    target[j] = i;
                    transport += Math.abs(f[i] - f[j]);
                }
            }
        }
        return new Weights(counts, target, beta, lambda, shift / n, transport / n);
    }

    private static double minCost(double[] c, double beta) {
        // N units cross the source arcs whatever the plan, so shifting their costs keeps the optimum and makes
        // every cost non-negative
        double min = Double.POSITIVE_INFINITY;
        for (double v : c) {
            min = Math.min(min, beta * v);
        }
        return min;
    }

    private static DefaultWeightedEdge edge(SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g,
                                            Map<DefaultWeightedEdge, Integer> capacity, int from, int to, double cost,
                                            int cap) {
        DefaultWeightedEdge e = g.addEdge(from, to);
        g.setEdgeWeight(e, cost);
        capacity.put(e, cap);
        return e;
    }

    private static MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> solve(
            SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> g, int source, int sink, int n,
            Map<DefaultWeightedEdge, Integer> capacity) {
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(g,
                        v -> v == source ? n : v == sink ? -n : 0, capacity::get);
        return new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
    }
}
