package vn.motcua.notification;

/**
 * A channel did not take a message: for now ({@code permanent} false: the server is down, busy or timed out, so
 * the outbox tries again later) or for good (the address is refused, the credentials are wrong).
 */
public class DeliveryFailure extends Exception {

	private final boolean permanent;

	public DeliveryFailure(String message, boolean permanent, Throwable cause) {
		super(message, cause);
		this.permanent = permanent;
	}

	public DeliveryFailure(String message, boolean permanent) {
		super(message);
		this.permanent = permanent;
	}

	public boolean permanent() {
		return permanent;
	}
}
