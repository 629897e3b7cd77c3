package vn.motcua.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(readOnly = true)
class JdbcAgencies implements Agencies {

	private static final String ORDERED = """
			with recursive tree as (
			  select a.*, array[a.code] as path from agency a where a.parent_code is null
			  union all
			  select c.*, t.path || c.code from agency c join tree t on c.parent_code = t.code
			)
			select * from tree
			""";

	private final JdbcClient jdbc;

	JdbcAgencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Agency> find(String code) {
		return jdbc.sql("select * from agency where code = ?").param(code).query(JdbcAgencies::map).optional();
	}

	@Override
	public List<Agency> validOn(LocalDate day) {
		return jdbc.sql(ORDERED + """
				where (valid_from is null or valid_from <= :day) and (valid_to is null or valid_to >= :day)
				order by path""").param("day", day).query(JdbcAgencies::map).list();
	}

	@Override
	public List<Agency> all() {
		return jdbc.sql(ORDERED + " order by path").query(JdbcAgencies::map).list();
	}

	@Override
	public boolean isWithin(String code, String ancestor) {
		return jdbc.sql("""
				with recursive up as (
				  select code, parent_code from agency where code = :code
				  union all
				  select a.code, a.parent_code from agency a join up on a.code = up.parent_code
				)
				select exists (select 1 from up where code = :ancestor)""")
			.param("code", code)
			.param("ancestor", ancestor)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<String> subtree(String code) {
		return jdbc.sql("""
				with recursive down as (
				  select code from agency where code = :code
				  union all
				  select a.code from agency a join down on a.parent_code = down.code
				)
				select code from down order by code""").param("code", code).query(String.class).list();
	}

	static Agency map(ResultSet rs, int row) throws SQLException {
		return new Agency(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
				AgencyLevel.valueOf(rs.getString("level")), rs.getString("identifier"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getBoolean("demo"));
	}
}
