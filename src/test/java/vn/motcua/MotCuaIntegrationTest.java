package vn.motcua;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application over real HTTP on a random port, against the embedded PostgreSQL that
 * every test of the JVM shares (fresh at the start of the run), in demo mode, with a {@link TestClock} (put back
 * after each test) and an {@link Api} client in every unassigned {@code Api} field ({@link ApiInjection}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.Configuration.class)
@org.junit.jupiter.api.extension.ExtendWith({ TestClock.Restore.class, ApiInjection.class, BrowserTeardown.class })
public @interface MotCuaIntegrationTest {
}
