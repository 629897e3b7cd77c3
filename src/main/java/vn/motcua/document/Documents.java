package vn.motcua.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A {@code document} row as a {@link StoredDocument}, for every store. */
final class Documents {

	private Documents() {
	}

	static StoredDocument row(ResultSet rs, int n) throws SQLException {
		return new StoredDocument(rs.getObject("id", UUID.class), rs.getString("owner_type"), rs.getString("owner_id"),
				rs.getString("component"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("stored_at").toInstant(),
				rs.getString("stored_by"));
	}
}
