package org.softglass.core.util;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.softglass.core.elastic.ElasticException;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.minimize.NonFiniteEnergyException;
import org.softglass.core.simulate.UnstableRunException;
import org.softglass.core.util.SoftglassException.Kind;
import org.softglass.nativebridge.LapackException;
import org.softglass.nativebridge.NativeLibraryException;

/** Every member of the {@link SoftglassException} hierarchy declares its kind, and the list below is all of them. */
class SoftglassExceptionTest {

    /** The members and their kinds: a new member must be added here (see {@link #everyMemberIsListed}). */
    private static Map<Class<?>, Kind> members() {
        Map<Class<?>, Kind> m = new LinkedHashMap<>();
        m.put(Refusal.class, Kind.FAILED);
        m.put(NumericalFailure.class, Kind.FAILED);
        m.put(UnstableRunException.class, Kind.FAILED);
        m.put(NonFiniteEnergyException.class, Kind.FAILED);
        m.put(ElasticException.class, Kind.FAILED);
        m.put(InvalidParameter.class, Kind.USAGE);
        m.put(InputFormatException.class, Kind.INPUT);
        m.put(org.softglass.core.io.OutputLock.HeldException.class, Kind.ENVIRONMENT);
        return m;
    }

    private static List<Throwable> instances() {
        return List.of(new Refusal("too few {minEvents}"), new NumericalFailure("rate overflows"),
                new UnstableRunException("NaN energy; lower {dt}"), new NonFiniteEnergyException(Double.NaN, 3, null),
                new ElasticException("not at a minimum"), new InvalidParameter("{dt} must be > 0, got -1"),
                new InputFormatException("a.dump", 3, "expected a number"), heldException());
    }

    @Test
    void everyMemberDeclaresItsKind() {
        Map<Class<?>, Kind> m = members();
        List<Throwable> all = instances();
        assertEquals(m.keySet(), all.stream().map(Object::getClass).collect(java.util.stream.Collectors.toSet()));
        for (Throwable t : all) {
            SoftglassException e = assertInstanceOf(SoftglassException.class, t);
            assertNotNull(e.kind(), t.getClass().getName());
            assertEquals(m.get(t.getClass()), e.kind(), t.getClass().getName());
            assertEquals(e.kind(), SoftglassException.kindOf(t));
        }
    }

    @Test
    void nativeBridgeExceptionsHaveKindsAndJdkExceptionsNone() {
        assertEquals(Kind.ENVIRONMENT, SoftglassException.kindOf(new NativeLibraryException("no natives", null)));
        assertEquals(Kind.FAILED, SoftglassException.kindOf(new LapackException("dpotrf", 3, "dpotrf: not positive definite")));
        assertNull(SoftglassException.kindOf(new IllegalArgumentException("bad")));
        assertNull(SoftglassException.kindOf(new IllegalStateException("bad")));
        assertNull(SoftglassException.kindOf(new IOException("bad")));
    }

    @Test
    void typedFailuresKeepTheirMessagesAndStayIllegalArguments() {
        NumericalFailure f = new NumericalFailure("k overflows; lower {eps2}");
        assertEquals("k overflows; lower eps2", f.getMessage());
        assertEquals("k overflows; lower {eps2}", f.template());
        assertInstanceOf(IllegalArgumentException.class, f, "callers that catch IllegalArgumentException keep catching it");
    }

    /**
     * Scans core's classes: every concrete class implementing the interface is in {@link #members()}, or a subclass of
     * one (e.g. {@code OnsetFit.AboveOnset}, a {@link Refusal}) and so of its kind.
     */
    @Test
    void everyMemberIsListed() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SoftglassException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(root), "core's classes are a directory when tested: " + root);
        Map<Class<?>, Kind> m = members();
        int found = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(p).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, SoftglassException.class.getClassLoader());
                if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || !SoftglassException.class.isAssignableFrom(c)) continue;
                Class<?> listed = c;
                while (listed != null && !m.containsKey(listed)) listed = listed.getSuperclass();
                assertNotNull(listed, c.getName() + " is a SoftglassException missing from the list of members (nor a subclass of one)");
                if (listed == c) found++;
            }
        }
        assertEquals(m.size(), found, "every listed member is a class of core");
    }

    private static Throwable heldException() {
        try {
            var ctor = org.softglass.core.io.OutputLock.HeldException.class.getDeclaredConstructor(Path.class, String.class);
            ctor.setAccessible(true);
            return ctor.newInstance(Path.of("out"), "pid 1");
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
