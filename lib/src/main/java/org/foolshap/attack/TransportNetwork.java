package org.foolshap.attack;

import java.util.HashMap;
import java.util.Map;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The paper's minimum-cost flow network (Section 4.2) solved by JGraphT's capacity scaling, with the capacity of
 * source -> left_i set to {@code cap} (N in the paper). Supplies are in units of 1/N so capacities are integers.
 * Costs beta c_i are shifted by -min_i beta c_i (N units cross those arcs, so the optimum plan is unchanged) to keep
 * every arc cost non-negative. N^2 arcs: only for N up to about a thousand.
 */
final class TransportNetwork {
    /** Above this the N^2 network does not fit comfortably in memory and time. */
    static final int MAX_POINTS = 1500;

    private TransportNetwork() {
    }

    static Weights solve(double[] c, double[] f, double beta, double lambda, int cap) {
        int n = c.length;
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("the capped attack solves a min-cost flow on N^2 = " + (long) n * n
                    + " arcs; N = " + n + " is above " + MAX_POINTS + ": subsample the background");
        }
        double min = Double.POSITIVE_INFINITY;
        for (double v : c) {
            min = Math.min(min, beta * v);
        }
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
            in[i] = g.addEdge(source, i);
            g.setEdgeWeight(in[i], beta * c[i] - min);
            capacity.put(in[i], cap);
            DefaultWeightedEdge out = g.addEdge(n + i, sink);
            g.setEdgeWeight(out, 0);
            capacity.put(out, 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                arc[i][j] = g.addEdge(i, n + j);
                g.setEdgeWeight(arc[i][j], lambda * Math.abs(f[i] - f[j]));
                capacity.put(arc[i][j], 1);
            }
        }
        MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
                new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(g,
                        v -> v == source ? n : v == sink ? -n : 0, capacity::get);
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow =
                new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>().getMinimumCostFlow(problem);
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
                double y = flow.getFlow(arc[i][j]);
                if (y > 0.5) {
                    target[j] = i;
                    transport += Math.abs(f[i] - f[j]);
                }
            }
        }
        return new Weights(counts, target, beta, lambda, shift / n, transport / n);
    }
}
