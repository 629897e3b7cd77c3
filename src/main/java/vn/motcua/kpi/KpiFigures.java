package vn.motcua.kpi;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The counts of a period and unit subtree, and their rates as percentages rounded half-up to two decimals
 * (null when the denominator is zero).
 *
 * @param feeDossiers received dossiers that owe a fee and are not exempted
 * @param dissatisfied received dossiers their applicant rated not satisfied
 * @param citizenData received dossiers filed from an e-ID account or checked against the population database
 * @param dataReused received dossiers with a component whose data was reused, from a national database or the
 *     applicant's store, instead of being handed in again (Decision 766, 4.3)
 * @param storeReused received dossiers with a component taken from the applicant's personal store (4.4)
 * @param syncDue received dossiers this system must send to the national portal: all but imported history,
 *     which the former system reported (1.4; docs/adr/0012)
 * @param synced those of them whose dossier reached the national portal
 */
public record KpiFigures(long received, long receivedOnline, long onTime, long feeDossiers, long paidOnline,
		long digitized, long electronicResult, long dissatisfied, long citizenData, long dataReused,
		long storeReused, long syncDue, long synced) {

	/** Nothing received. */
	public static final KpiFigures NONE = new KpiFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	/** The counts of two disjoint sets together. */
	public KpiFigures plus(KpiFigures o) {
		return new KpiFigures(received + o.received, receivedOnline + o.receivedOnline, onTime + o.onTime,
				feeDossiers + o.feeDossiers, paidOnline + o.paidOnline, digitized + o.digitized,
				electronicResult + o.electronicResult, dissatisfied + o.dissatisfied, citizenData + o.citizenData,
				dataReused + o.dataReused, storeReused + o.storeReused, syncDue + o.syncDue, synced + o.synced);
	}

	public @Nullable BigDecimal onlineRate() {
		return rate(receivedOnline, received);
	}

	public @Nullable BigDecimal onTimeRate() {
		return rate(onTime, received);
	}

	public @Nullable BigDecimal onlinePaymentRate() {
		return rate(paidOnline, feeDossiers);
	}

	public @Nullable BigDecimal digitizedRate() {
		return rate(digitized, received);
	}

	/** Dossiers that reached the national portal, of those this system had to send (1.4). */
	public @Nullable BigDecimal syncRate() {
		return rate(synced, syncDue);
	}

	public @Nullable BigDecimal electronicResultRate() {
		return rate(electronicResult, received);
	}

	static @Nullable BigDecimal rate(long numerator, long denominator) {
		return vn.motcua.platform.Percent.of(numerator, denominator);
	}
}
