package vn.motcua.sandbox;

import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.motcua.sandbox.SyntheticPopulation.Person;

/**
 * The documented demo citizens of the sandbox e-ID provider (README, "Demo citizens"): people of the
 * synthetic population at fixed indices, some at level 1 and some at level 2, one representing a business.
 * Any other living person of the population can be typed in by ID number.
 */
public final class DemoCitizens {

	/** A demo sign-in: the person at {@code index}, with this level, perhaps for a business. */
	public record DemoCitizen(int index, int level, @Nullable String taxCode, @Nullable String businessName) {

		public Person person() {
			return SyntheticPopulation.person(index);
		}

		public SandboxCitizen signIn() {
			return new SandboxCitizen(person().idNumber(), level, taxCode, businessName);
		}
	}

	// Living adults: born in Cà Mau, Bạc Liêu and Hà Nội, one who moved away; DemoCitizensTest keeps them so.
	private static final List<DemoCitizen> ALL = List.of(new DemoCitizen(3, 2, null, null),
			new DemoCitizen(4, 2, null, null), new DemoCitizen(15, 2, null, null), new DemoCitizen(19, 1, null, null),
			new DemoCitizen(2, 1, null, null),
			new DemoCitizen(12, 2, "2001234565", "Công ty TNHH Thủy sản Đất Mũi (demo)"));

	private DemoCitizens() {
	}

	public static List<DemoCitizen> all() {
		return ALL;
	}
}
