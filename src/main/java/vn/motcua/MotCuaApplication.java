package vn.motcua;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * MotCua — the provincial one-stop-shop information system (hệ thống thông tin giải quyết thủ tục
 * hành chính cấp tỉnh).
 *
 * <p>{@code java -jar motcua.jar} serves the portal; {@code java -jar motcua.jar audit:verify} runs
 * one maintenance command without a web server and exits with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "MotCua", sharedModules = "platform")
public class MotCuaApplication {

	public static void main(String[] args) {
		// Storage and logs stay in UTC; every human-facing date is rendered in Asia/Ho_Chi_Minh explicitly.
		TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
		SpringApplication app = new SpringApplication(MotCuaApplication.class);
		if (isCommand(args)) {
			app.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(app.run(args)));
		}
		app.run(args);
	}

	/** A maintenance command is a first argument such as {@code audit:verify}. */
	static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-") && args[0].matches("[a-z]+:[a-z-]+");
	}
}
