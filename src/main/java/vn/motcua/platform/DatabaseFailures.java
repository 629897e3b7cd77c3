package vn.motcua.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a value PostgreSQL refuses from a database that cannot answer now. */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/** SQLSTATE class 22 (data exception): the value, not the system, is at fault. */
	public static boolean isBadValue(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

	/** No connection to be had in time, a statement cancelled by its timeout, or the connection broke. */
	public static boolean isUnavailable(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			// DataAccessResourceFailureException covers CannotGetJdbcConnectionException
			if (t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException || t instanceof QueryTimeoutException
					|| t instanceof DataAccessResourceFailureException
					|| t instanceof TransientDataAccessResourceException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57014")
							|| sql.getSQLState().equals("57P01"))) {
				return true;
			}
		}
		return false;
	}
}
