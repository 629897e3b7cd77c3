package vn.motcua.platform;

/**
 * An outside origin a page's form may be redirected to (the e-ID provider's sign-out, a payment gateway's pay
 * page): modules declare one as a bean and the pages' Content-Security-Policy {@code form-action} allows it.
 *
 * @param origin scheme, host and port, such as {@code https://pay.vnpay.vn}
 */
public record FormRedirectOrigin(String origin) {

	/** The origin of an absolute URL. */
	public static FormRedirectOrigin of(String url) {
		java.net.URI u = java.net.URI.create(url);
		return new FormRedirectOrigin(u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()));
	}
}
