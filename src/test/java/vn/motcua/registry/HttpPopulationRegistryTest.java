package vn.motcua.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import vn.motcua.TestClock;
import vn.motcua.identifiers.Sex;
import vn.motcua.registry.PopulationRegistry.RegistryUnreachable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter against a scripted HTTP server: retries, no retry on 4xx, timeouts, the breaker. */
class HttpPopulationRegistryTest {

	private static final String FOUND = """
			{"maKetQua":"00","thongTin":{"soDinhDanh":"096085001234","hoVaTen":"Nguyễn Văn An",
			"ngayThangNamSinh":"19850302","gioiTinh":1,"thuongTru":"Khóm 1, phường An Xuyên, tỉnh Cà Mau",
			"noiOHienNay":"Khóm 1, phường An Xuyên, tỉnh Cà Mau","chuHo":{"hoVaTen":"Nguyễn Văn An"},
			"trangThai":"CON_SONG","ngayMat":null}}""";

	private final Deque<Integer> statuses = new java.util.concurrent.ConcurrentLinkedDeque<>();
	private final AtomicInteger calls = new AtomicInteger();
	private final AtomicReference<String> lastKey = new AtomicReference<>();
	private final AtomicReference<String> lastRequestId = new AtomicReference<>();
	private final TestClock clock = new TestClock(Instant.parse("2026-11-26T02:00:00Z"));
	private volatile long delayMillis;
	private HttpServer server;
	private HttpPopulationRegistry registry;
	private CircuitBreaker breaker;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/nddp/v1/cong-dan/tra-cuu", exchange -> {
			calls.incrementAndGet();
			lastKey.set(exchange.getRequestHeaders().getFirst("X-Api-Key"));
			lastRequestId.set(exchange.getRequestHeaders().getFirst("X-Request-Id"));
			exchange.getRequestBody().readAllBytes();
			// the answer is chosen on arrival: a handler still sleeping after its caller timed out must not take
			// the statuses queued for later calls
			Integer queued = statuses.poll();
			int status = queued == null ? 200 : queued;
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			byte[] body = (status == 200 ? FOUND : "{\"maKetQua\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		RegistryProperties settings = new RegistryProperties(null, "secret-key", Duration.ofSeconds(1),
				Duration.ofMillis(500), 2, Duration.ofMillis(10), 3, Duration.ofSeconds(30));
		breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(30));
		URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/nddp");
		registry = new HttpPopulationRegistry(() -> Optional.of(base), settings, breaker);
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void readsTheRecordAndSendsKeyAndMessageId() throws Exception {
		UUID id = UUID.randomUUID();
		PopulationRegistry.Answer answer = registry.ask("096085001234", why(), id);
		Resident r = answer.resident().orElseThrow();
		assertThat(r.fullName()).isEqualTo("Nguyễn Văn An");
		assertThat(r.dateOfBirth()).hasToString("1985-03-02");
		assertThat(r.sex()).isEqualTo(Sex.MALE);
		assertThat(r.alive()).isTrue();
		assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(FOUND);
		assertThat(lastKey.get()).isEqualTo("secret-key");
		assertThat(lastRequestId.get()).isEqualTo(id.toString());
	}

	@Test
	void retriesServerErrorsWithBackoff() throws Exception {
		statuses.add(503);
		statuses.add(502);
		assertThat(registry.ask("096085001234", why(), UUID.randomUUID()).resident()).isPresent();
		assertThat(calls.get()).isEqualTo(3);
		assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void doesNotRetryARefusalOfOurRequest() {
		statuses.add(401);
		assertThatThrownBy(() -> registry.ask("096085001234", why(), UUID.randomUUID()))
			.isInstanceOf(RegistryUnreachable.class);
		assertThat(calls.get()).isEqualTo(1);
	}

	@Test
	void givesUpAfterTimeoutsAndOpensTheCircuit() {
		delayMillis = 800;
		assertThatThrownBy(() -> registry.ask("096085001234", why(), UUID.randomUUID()))
			.isInstanceOf(RegistryUnreachable.class);
		assertThat(calls.get()).isEqualTo(3);
		delayMillis = 0;
		for (int i = 0; i < 3; i++) {
			statuses.add(500);
			statuses.add(500);
			statuses.add(500);
			try {
				registry.ask("096085001234", why(), UUID.randomUUID());
			}
			catch (RegistryUnreachable expected) {
				// counted by the breaker
			}
		}
		int before = calls.get();
		assertThatThrownBy(() -> registry.ask("096085001234", why(), UUID.randomUUID()))
			.isInstanceOf(RegistryUnreachable.class)
			.hasMessageContaining("circuit open");
		assertThat(calls.get()).as("an open circuit sends nothing").isEqualTo(before);
		clock.advance(Duration.ofSeconds(31));
		statuses.clear();
		assertThat(registryAnswers()).isTrue();
	}

	private boolean registryAnswers() {
		try {
			return registry.ask("096085001234", why(), UUID.randomUUID()).resident().isPresent();
		}
		catch (RegistryUnreachable e) {
			return false;
		}
	}

	private static RegistryPurpose why() {
		return new RegistryPurpose("officer", "Tiếp nhận hồ sơ", null);
	}
}
