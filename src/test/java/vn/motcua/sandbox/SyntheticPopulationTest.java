package vn.motcua.sandbox;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.motcua.identifiers.PersonalIdNumber;
import vn.motcua.sandbox.SyntheticPopulation.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticPopulationTest {

	@Test
	void holdsAtLeastAHundredThousandPeopleEachFoundAgainByTheirIdNumber() {
		assertThat(SyntheticPopulation.SIZE).isGreaterThanOrEqualTo(100_000);
		SplittableRandom r = new SplittableRandom(7);
		for (int k = 0; k < 20_000; k++) {
			Person p = SyntheticPopulation.person(r.nextInt(SyntheticPopulation.SIZE));
			assertThat(SyntheticPopulation.byIdNumber(p.idNumber())).contains(p);
			assertThat(PersonalIdNumber.check(p.idNumber(), p.dateOfBirth(), p.sex())).isEmpty();
		}
		assertThat(SyntheticPopulation.person(SyntheticPopulation.SIZE - 1).idNumber())
			.isNotEqualTo(SyntheticPopulation.person(0).idNumber());
		assertThatThrownBy(() -> SyntheticPopulation.person(SyntheticPopulation.SIZE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void numbersOutsideThePopulationAreNotFound() {
		Person p = SyntheticPopulation.person(123);
		String otherProvince = (p.idNumber().startsWith("001") ? "079" : "001") + p.idNumber().substring(3);
		String otherYear = p.idNumber().substring(0, 4) + String.format("%02d", (PersonalIdNumber.birthYear(p.idNumber()) + 1) % 100)
				+ p.idNumber().substring(6);
		assertThat(SyntheticPopulation.byIdNumber(otherProvince)).isEmpty();
		assertThat(SyntheticPopulation.byIdNumber(otherYear)).isEmpty();
		assertThat(SyntheticPopulation.byIdNumber("12345")).isEmpty();
		long found = IntStream.range(0, 10_000)
			.mapToObj(i -> "096085" + String.format("%06d", i * 97))
			.filter(n -> SyntheticPopulation.byIdNumber(n).isPresent())
			.count();
		assertThat(found).as("few arbitrary numbers exist").isLessThan(100);
	}

	@Test
	void looksLikeCaMauWithSomeDeceasedAndSomeMoved() {
		int n = 50_000;
		long caMau = 0, bacLieu = 0, deceased = 0, moved = 0, women = 0, diacritics = 0;
		for (int i = 0; i < n; i++) {
			Person p = SyntheticPopulation.person(i);
			caMau += p.idNumber().startsWith("096") ? 1 : 0;
			bacLieu += p.idNumber().startsWith("095") ? 1 : 0;
			deceased += p.alive() ? 0 : 1;
			moved += p.moved() ? 1 : 0;
			women += p.sex() == vn.motcua.identifiers.Sex.FEMALE ? 1 : 0;
			diacritics += p.fullName().chars().anyMatch(c -> c > 127) ? 1 : 0;
			if (!p.alive()) {
				assertThat(p.diedOn()).isAfterOrEqualTo(p.dateOfBirth());
			}
		}
		assertThat(caMau / (double) n).isBetween(0.5, 0.6);
		assertThat(bacLieu / (double) n).isBetween(0.17, 0.23);
		assertThat(deceased / (double) n).isBetween(0.01, 0.08);
		assertThat(moved / (double) n).isBetween(0.05, 0.11);
		assertThat(women / (double) n).isBetween(0.47, 0.53);
		assertThat(diacritics / (double) n).isGreaterThan(0.9);
	}
}
