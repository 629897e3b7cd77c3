package vn.motcua.registry;

import java.util.Optional;
import java.util.UUID;

/** The port: one question to the population database, answered with the record and the raw reply. */
interface PopulationRegistry {

	/**
	 * @param messageId identifies the exchange on both sides (X-Road style), kept in the log
	 * @throws RegistryUnreachable when no answer could be had: timeout, refusal, circuit open
	 */
	Answer ask(String idNumber, RegistryPurpose why, UUID messageId) throws RegistryUnreachable;

	/** @param body the registry's response body as received, hashed into the log */
	record Answer(Optional<Resident> resident, byte[] body) {
	}

	final class RegistryUnreachable extends Exception {

		RegistryUnreachable(String message, Throwable cause) {
			super(message, cause);
		}

		RegistryUnreachable(String message) {
			super(message);
		}

		/** Refused without trying (no registry configured, or the circuit is open): already reported once. */
		boolean withoutAttempt() {
			return getCause() == null;
		}
	}
}
