/**
 * ONNX models for the workbench, in the optional {@code foolshap-onnx.jar}: any ONNX graph as a black-box
 * {@link org.foolshap.model.Model} run by ONNX Runtime, and {@code ai.onnx.ml} tree-ensemble graphs read into the
 * library's {@link org.foolshap.model.TreeEnsemble} view so that they get exact interventional TreeSHAP.
 */
package org.foolshap.onnx;
