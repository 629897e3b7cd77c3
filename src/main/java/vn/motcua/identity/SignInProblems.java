package vn.motcua.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.motcua.platform.DomainProblem;

/** Why a sign-in was refused; each maps to one problem type of the API. */
final class SignInProblems {

	private SignInProblems() {
	}

	/** Wrong user name or password, or a disabled account: the answer never says which. */
	static final class InvalidCredentials extends DomainProblem {

		InvalidCredentials() {
			super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Tên đăng nhập hoặc mật khẩu không đúng.");
		}
	}

	static final class OtpRequired extends DomainProblem {

		OtpRequired() {
			super(HttpStatus.UNAUTHORIZED, "otp-required", "Tài khoản bật xác thực hai lớp: hãy nhập mã OTP.");
		}
	}

	/** In production an administrator must turn on two-factor (on the web) before using the API. */
	static final class OtpEnrolmentRequired extends DomainProblem {

		OtpEnrolmentRequired() {
			super(HttpStatus.FORBIDDEN, "otp-enrolment-required",
					"Tài khoản quản trị phải bật xác thực 2 lớp tại trang Bảo mật trước khi dùng API.");
		}
	}

	static final class InvalidOtp extends DomainProblem {

		InvalidOtp() {
			super(HttpStatus.UNAUTHORIZED, "invalid-otp", "Mã OTP không đúng hoặc đã hết hạn.");
		}
	}

	static final class AccountThrottled extends DomainProblem {

		private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
			.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
			.withZone(vn.motcua.platform.Zones.VIETNAM);

		private final Duration retryAfter;
		private final java.time.Instant until;

		/** The lock ending at {@code until}, as told at {@code now}. */
		AccountThrottled(java.time.Instant until, java.time.Instant now) {
			this(Duration.between(now, until), until);
		}

		private AccountThrottled(Duration retryAfter, java.time.Instant until) {
			super(HttpStatus.TOO_MANY_REQUESTS, "account-locked",
					"Đăng nhập sai quá nhiều lần: tài khoản tạm khóa đến " + SHOWN.format(until) + " (còn "
							+ Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " phút).");
			this.retryAfter = retryAfter;
			this.until = until;
		}

		Duration retryAfter() {
			return retryAfter;
		}

		java.time.Instant until() {
			return until;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("lockedUntil", vn.motcua.platform.ApiTime.format(until));
		}

		@Override
		public Map<String, String> headers() {
			return Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
	}
}
