package vn.motcua.document;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What every store keeps alike: the {@code document} row of each file, written and read here. */
abstract class DocumentMetadata implements DocumentStore {

	protected final JdbcClient jdbc;

	DocumentMetadata(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a stored file, in the caller's transaction; {@code path} says where its content is. */
	protected void insert(StoredDocument d, String path) {
		jdbc.sql("""
				insert into document (id, owner_type, owner_id, component, file_name, content_type, size_bytes, sha256,
				  stored_at, stored_by, path)
				values (:id, :ownerType, :ownerId, :component, :fileName, :type, :size, :sha, :at, :by, :path)""")
			.param("id", d.id())
			.param("ownerType", d.ownerType())
			.param("ownerId", d.ownerId())
			.param("component", d.component())
			.param("fileName", d.fileName())
			.param("type", d.contentType())
			.param("size", d.sizeBytes())
			.param("sha", d.sha256())
			.param("at", Timestamp.from(d.storedAt()))
			.param("by", d.storedBy())
			.param("path", path)
			.update();
	}

	@Override
	public List<StoredDocument> list(String ownerType, String ownerId) {
		return jdbc.sql("select * from document where owner_type = :t and owner_id = :o order by stored_at, id")
			.param("t", ownerType)
			.param("o", ownerId)
			.query(Documents::row)
			.list();
	}

	@Override
	public Optional<StoredDocument> find(UUID id) {
		return jdbc.sql("select * from document where id = :id").param("id", id).query(Documents::row).optional();
	}
}
