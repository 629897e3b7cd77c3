package vn.motcua.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * Fields of a request that break a domain rule (an ID number that contradicts the date of birth, a wrong
 * tax-code check digit): 400 {@code validation} with one {@code errors[]} entry per field. Messages are
 * message keys, resolved in the caller's language when the problem is answered.
 */
public final class InvalidFields extends DomainProblem {

	/** One refused field; {@code messageKey} names a message in {@code messages*.properties}. */
	public record Error(String field, String messageKey, Object... args) {
	}

	private final List<Error> errors;

	private InvalidFields(List<Error> errors) {
		super(HttpStatus.BAD_REQUEST, "validation", "problem.validation.detail");
		this.errors = List.copyOf(errors);
	}

	public List<Error> errors() {
		return errors;
	}

	/** The problem with its messages resolved by {@code resolve}. */
	public Map<String, Object> properties(Function<Error, String> resolve) {
		return Map.of("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", resolve.apply(e))).toList());
	}

	/** Each error's message in {@code locale}, for a page that lists them; the key when none is defined. */
	public List<String> messages(MessageSource source, Locale locale) {
		return errors.stream().map(e -> message(e, source, locale)).toList();
	}

	public static String message(Error error, MessageSource source, Locale locale) {
		return source.getMessage(error.messageKey(), error.args(), error.messageKey(), locale);
	}

	/** Collects errors and throws them together, so a form shows every mistake at once. */
	public static final class Collector {

		private final List<Error> errors = new ArrayList<>();

		public Collector add(String field, String messageKey, Object... args) {
			errors.add(new Error(field, messageKey, args));
			return this;
		}

		public boolean isEmpty() {
			return errors.isEmpty();
		}

		/** What was collected so far. */
		public List<Error> errors() {
			return List.copyOf(errors);
		}

		public boolean has(String field) {
			return errors.stream().anyMatch(e -> e.field().equals(field));
		}

		public void throwIfAny() {
			if (!errors.isEmpty()) {
				throw new InvalidFields(errors);
			}
		}
	}
}
