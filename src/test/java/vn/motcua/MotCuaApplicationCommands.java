package vn.motcua;

/** Test access to the package-private command detection of {@link MotCuaApplication}. */
public final class MotCuaApplicationCommands {

	private MotCuaApplicationCommands() {
	}

	public static boolean isCommand(String[] args) {
		return MotCuaApplication.isCommand(args);
	}
}
