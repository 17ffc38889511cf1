package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What the kernel jar ships (issue 16, item 7): gson at 2.8.9 or later (CVE-2022-25647 is fixed there), nothing of
 * the unmaintained basekernel, and every third-party library relocated under org/foolshap/kernel/shaded, so notebook
 * code that brings its own gson, ZeroMQ or slf4j meets no clash.
 */
class ShippedJarIT {
    private static final String JAR = System.getProperty("kernel.jar");

    @Test
    void gsonIsAFixedVersion() throws Exception {
        try (JarFile jar = new JarFile(JAR)) {
            ZipEntry e = jar.getEntry("META-INF/maven/com.google.code.gson/gson/pom.properties");
            assertNotNull(e, "gson's pom.properties in " + JAR);
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(e)) {
                p.load(in);
            }
            String version = p.getProperty("version");
            assertTrue(atLeast(version, List.of(2, 8, 9)), "gson " + version + " is older than 2.8.9");
        }
    }

    @Test
    void thirdPartyClassesAreRelocatedAndBasekernelIsGone() throws Exception {
        TreeSet<String> roots = new TreeSet<>();
        try (JarFile jar = new JarFile(JAR)) {
            jar.stream().filter(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/"))
                    .forEach(e -> {
                        String[] parts = e.getName().split("/");
                        roots.add(parts.length > 2 ? parts[0] + "/" + parts[1] : parts[0]);
                    });
        }
        // the kernel's own classes (with the relocated libraries under them) and jjava's, which notebooks never bring
        assertEquals(new TreeSet<>(List.of("org/dflib", "org/foolshap")), roots);
    }

    /** True when dotted {@code version} is at least {@code min}, compared number by number. */
    static boolean atLeast(String version, List<Integer> min) {
        String[] parts = version.split("[.-]");
        for (int i = 0; i < min.size(); i++) {
            int v = i < parts.length && parts[i].matches("\\d+") ? Integer.parseInt(parts[i]) : 0;
            if (v != min.get(i)) {
                return v > min.get(i);
            }
        }
        return true;
    }
}
