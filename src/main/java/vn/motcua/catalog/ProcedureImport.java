package vn.motcua.catalog;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;

/** Loads procedures into the catalog from files. */
public interface ProcedureImport {

	/** The largest CSV file accepted. */
	long MAX_CSV_BYTES = 10L * 1024 * 1024;

	/**
	 * Imports the CSV format of docs/api.md, all or nothing: a file with any bad line changes nothing.
	 *
	 * @throws InvalidImport listing every bad line
	 */
	default Result importCsv(InputStream csv, String actor) {
		return importCsv(csv, actor, Progress.NONE);
	}

	/** As {@link #importCsv(InputStream, String)}, telling {@code progress} how far the writing has come. */
	Result importCsv(InputStream csv, String actor, Progress progress);

	/** Told how many procedures of how many are written, every so often and at the end. */
	@FunctionalInterface
	interface Progress {

		Progress NONE = (done, total) -> {
		};

		void at(int done, int total);
	}

	/**
	 * @param imported procedures created
	 * @param updated existing procedures whose name, field, agency, level or default case changed
	 * @param unchanged existing procedures the file repeats as they are
	 */
	record Result(int imported, int updated, int unchanged) {
	}

	/** Bad lines of an import, answered as 400 with {@code errors: [{line, message}]}. */
	final class InvalidImport extends DomainProblem {

		private final List<Map<String, Object>> errors;

		public InvalidImport(List<Map<String, Object>> errors) {
			super(HttpStatus.BAD_REQUEST, "invalid-import",
					"Tệp có " + errors.size() + " dòng không hợp lệ; không nhập dòng nào.");
			this.errors = List.copyOf(errors);
		}

		public List<Map<String, Object>> errors() {
			return errors;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("imported", 0, "updated", 0, "errors", errors);
		}
	}
}
