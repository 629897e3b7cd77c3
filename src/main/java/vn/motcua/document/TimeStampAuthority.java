package vn.motcua.document;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * A time-stamp authority reached over RFC 3161's HTTP transport ({@code application/timestamp-query}): it
 * countersigns the hash of a result's signature, which makes the signature PAdES baseline B-T (docs/adr/0009). The
 * answer is checked against the request (imprint, nonce) before it is used.
 */
class TimeStampAuthority {

	/** The authority did not give a usable token. */
	static final class Unavailable extends Exception {
		Unavailable(String message, Throwable cause) {
			super(message, cause);
		}

		Unavailable(String message) {
			super(message);
		}
	}

	private final Supplier<Optional<URI>> url;
	private final HttpClient http;
	private final Duration timeout;
	private final SecureRandom random = new SecureRandom();

	TimeStampAuthority(Supplier<Optional<URI>> url, Duration timeout) {
		this.url = url;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/** The DER time-stamp token over a SHA-256 {@code digest}. */
	byte[] token(byte[] digest) throws Unavailable {
		URI target = url.get().orElseThrow(() -> new Unavailable("no time-stamp authority yet"));
		TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
		generator.setCertReq(true);
		TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, random));
		try {
			HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(target)
				.timeout(timeout)
				.header("Content-Type", "application/timestamp-query")
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (answer.statusCode() != 200) {
				throw new Unavailable("time-stamp authority answered HTTP " + answer.statusCode());
			}
			TimeStampResponse response = new TimeStampResponse(answer.body());
			response.validate(request);
			if (response.getTimeStampToken() == null) {
				throw new Unavailable("time-stamp authority refused: " + response.getStatusString());
			}
			return response.getTimeStampToken().getEncoded();
		}
		catch (IOException | TSPException e) {
			throw new Unavailable("time-stamp authority unusable: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted", e);
		}
	}
}
