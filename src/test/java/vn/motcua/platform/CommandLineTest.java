package vn.motcua.platform;

import org.junit.jupiter.api.Test;

import vn.motcua.MotCuaApplicationCommands;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

	@Test
	void aFirstArgumentLikeModuleColonVerbIsACommand() {
		assertThat(MotCuaApplicationCommands.isCommand(new String[] { "audit:verify" })).isTrue();
		assertThat(MotCuaApplicationCommands.isCommand(new String[] { "--server.port=0" })).isFalse();
		assertThat(MotCuaApplicationCommands.isCommand(new String[] {})).isFalse();
		assertThat(MotCuaApplicationCommands.isCommand(new String[] { "http://x" })).isFalse();
	}
}
