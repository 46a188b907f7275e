import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when a test class did not run: every class under {@code src/test/java} that declares tests
 * (JUnit Jupiter annotations) must have a Surefire or Failsafe report with at least one test (skipped
 * ones count: a skip is visible, a class no plugin picked up is not). Catches test classes whose names miss
 * Surefire's patterns ({@code *Test}, {@code *Tests}, {@code Test*}, {@code *TestCase}) and Failsafe's
 * ({@code *IT}, {@code IT*}, {@code *ITCase}, where Failsafe runs).
 *
 * <p>Run by the parent POM's {@code tests-ran-check} execution in the {@code verify} phase of every module, with
 * the JDK's single-file source launcher: {@code java build-tools/TestsRanCheck.java <test sources> <reports>...}.
 * Abstract classes are left out (their tests run in subclasses).
 */
public final class TestsRanCheck {

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b",
            Pattern.MULTILINE);
    private static final Pattern TEST_IMPORT = Pattern.compile("^import\\s+(static\\s+)?org\\.junit\\.",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern ABSTRACT = Pattern.compile("\\babstract\\s+class\\b");
    private static final Pattern TESTS_COUNT = Pattern.compile("<testsuite\\b[^>]*\\btests=\"(\\d+)\"");

    private TestsRanCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java TestsRanCheck.java <test source dir> <reports dir>...");
            System.exit(2);
        }
        Path sources = Path.of(args[0]);
        List<Path> reports = Stream.of(args).skip(1).map(Path::of).toList();
        if (!Files.isDirectory(sources)) {
            return;
        }
        List<String> declared = testClasses(sources);
        List<String> notRun = declared.stream()
                .filter(name -> reports.stream().mapToInt(dir -> testsRun(dir, name)).sum() == 0).toList();
        if (!notRun.isEmpty()) {
            System.err.println("[tests-ran-check] " + notRun.size() + " test class(es) under " + sources
                    + " ran no test:");
            notRun.forEach(name -> System.err.println("  " + name));
            System.err.println("Surefire picks up classes named *Test, *Tests, Test* or *TestCase (Failsafe *IT "
                    + "where a module runs it): rename them (prefer *Test); see build-tools/README.md.");
            System.exit(1);
        }
        System.out.println("[tests-ran-check] every test class under " + sources + " ran (" + declared.size()
                + " classes)");
    }

    /** Fully qualified names of the concrete classes that declare tests. */
    static List<String> testClasses(Path sources) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                if (TEST_ANNOTATION.matcher(text).find() && TEST_IMPORT.matcher(text).find()
                        && !ABSTRACT.matcher(text).find()) {
                    Matcher pkg = PACKAGE.matcher(text);
                    String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
                    names.add(pkg.find() ? pkg.group(1) + "." + simple : simple);
                }
            }
        }
        return names;
    }

    /** Tests one plugin reported for the class and its nested classes; 0 when it has no report there. */
    static int testsRun(Path reports, String className) {
        if (!Files.isDirectory(reports)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.equals("TEST-" + className + ".xml") || name.startsWith("TEST-" + className + "$");
            }).mapToInt(TestsRanCheck::testsIn).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int testsIn(Path report) {
        try {
            Matcher m = TESTS_COUNT.matcher(Files.readString(report));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
