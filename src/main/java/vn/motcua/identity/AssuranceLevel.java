package vn.motcua.identity;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.motcua.platform.DomainProblem;

/**
 * Mức độ định danh điện tử of a signed-in citizen (Nghị định 69/2024/NĐ-CP): level 1 registered in the app,
 * level 2 verified in person with biometrics. Some procedures accept only level 2.
 */
public final class AssuranceLevel {

	private AssuranceLevel() {
	}

	/** The level the caller signed in with: 1 or 2 for a citizen, 0 for anyone else. */
	public static int of(Authentication caller) {
		return caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(CitizenSignIn.LEVEL_AUTHORITY_PREFIX))
			.mapToInt(a -> Integer.parseInt(a.substring(CitizenSignIn.LEVEL_AUTHORITY_PREFIX.length())))
			.max()
			.orElse(0);
	}

	/** Refuses a citizen below {@code required} with a clear 403; staff are not concerned. */
	public static void require(Authentication caller, int required) {
		if (caller.getAuthorities().stream().anyMatch(a -> Role.CITIZEN.authority().equals(a.getAuthority()))) {
			check(of(caller), required);
		}
	}

	/** Refuses a citizen signed in at {@code level} for a service that requires {@code required}. */
	public static void check(int level, int required) {
		if (level < required) {
			throw new TooLow(required, level);
		}
	}

	/** A level-1 account asked for a service that needs level 2. */
	public static final class TooLow extends DomainProblem {

		TooLow(int required, int level) {
			super(HttpStatus.FORBIDDEN, "assurance-level-required", "Thủ tục này yêu cầu tài khoản định danh điện tử mức độ "
					+ required + "; tài khoản của bạn đang ở mức độ " + level
					+ ". Vui lòng nâng cấp tài khoản VNeID lên mức độ 2 (đăng ký tại cơ quan Công an) rồi đăng nhập lại.");
		}
	}
}
