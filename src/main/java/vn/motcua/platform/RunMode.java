package vn.motcua.platform;

/**
 * How a deployment runs. {@code DEMO} seeds demonstration data and accounts (password = user name) and
 * must never face the internet; {@code PRODUCTION} seeds no password and refuses weak secrets.
 */
public enum RunMode {
	DEMO, PRODUCTION
}
