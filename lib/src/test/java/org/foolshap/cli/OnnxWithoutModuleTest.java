package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without foolshap-onnx.jar on the class path (as in this module's tests), an .onnx model is one line saying which
 * jar to put where, exit 2. The module's own tests check the other side (onnx/src/test).
 */
class OnnxWithoutModuleTest {
    @TempDir
    Path dir;

    @Test
    void anOnnxModelWithoutTheModuleIsOneLineNamingTheJar() throws Exception {
        Path model = Files.write(dir.resolve("forest.onnx"), new byte[] {0x08, 0x08});
        Path csv = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n3,4\n");
        var r = DataCommandsTest.run("explain", "--model", model.toString(), "--foreground", csv.toString(),
                "--background", csv.toString(), "--out", dir.resolve("phi.csv").toString());
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), r.err());
        assertTrue(line.contains(model.toString()) && line.contains("foolshap-onnx.jar"), line);
        assertTrue(Files.notExists(dir.resolve("phi.csv")));
    }
}
