package vn.motcua.platform.internal;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrustedProxiesTest {

	@Test
	void onlyTheNamedAddressesAreTrusted() {
		Pattern none = Pattern.compile(TrustedProxies.pattern(""));
		assertThat(none.matcher("127.0.0.1").matches()).isFalse();
		assertThat(none.matcher("10.0.0.5").matches()).isFalse();
		Pattern two = Pattern.compile(TrustedProxies.pattern(" 10.0.0.5, 192.168.1.20 "));
		assertThat(two.matcher("10.0.0.5").matches()).isTrue();
		assertThat(two.matcher("192.168.1.20").matches()).isTrue();
		assertThat(two.matcher("10.0.0.50").matches()).isFalse();
		assertThat(two.matcher("10x0x0x5").matches()).as("dots are dots").isFalse();
		assertThat(two.matcher("127.0.0.1").matches()).isFalse();
	}
}
