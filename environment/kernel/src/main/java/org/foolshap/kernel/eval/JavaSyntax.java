package org.foolshap.kernel.eval;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Syntax-only check of one JShell snippet with javac's parser (no attribution, so unknown names are fine). */
final class JavaSyntax {
    private JavaSyntax() {
    }

    /** True when the snippet parses as an import/type, a class member, a statement or an expression. */
    static boolean parsesAsSnippet(String snippet) {
        String s = snippet.strip();
        String noSemi = s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
        return parses(s + "\nclass $W {}")
                || parses("class $W {\n" + s + "\n}")
                || parses("class $W { void $m() {\n" + s + "\n} }")
                || parses("class $W { Object $x = (\n" + noSemi + "\n); }");
    }

    private static boolean parses(String unit) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return true;
        }
        AtomicBoolean error = new AtomicBoolean();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///W.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit;
            }
        };
        try {
            JavacTask task = (JavacTask) javac.getTask(null, null, d -> {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    error.set(true);
                }
            }, List.of("-proc:none"), null, List.of(file));
            task.parse();
            return !error.get();
        } catch (Exception | LinkageError e) {
            return true; // no verdict
        }
    }
}
