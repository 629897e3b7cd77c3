package vn.motcua.dossier;

import java.util.Optional;

/**
 * Whether an action may be taken on a dossier as it stands — its status and the rules that are not a status
 * (an approved result before FINISH, one extension, a fee settled before the result is handed over, the steps of
 * a configured process). One pure function serves both the check when the action is taken (409 with the
 * reason) and the list of actions a page offers, so the two cannot disagree. Who may take it is
 * {@link DossierAccess}'s question, asked first.
 */
final class DossierRules {

	private DossierRules() {
	}

	/** Why {@code action} cannot be taken now, or empty when it can. */
	static Optional<String> refusal(DossierAction action, Dossier d) {
		if (!action.from().contains(d.status())) {
			return Optional.of(action == DossierAction.SETTLE_PAYMENT
					? "Hồ sơ đã kết thúc (" + d.status() + "): không thu phí, lệ phí; khoản đã nộp được hoàn lại."
					: wrongStatus(action, d.status()));
		}
		return Optional.ofNullable(switch (action) {
			case APPROVE -> d.step() != null ? "Hồ sơ còn ở bước \"" + d.step().name()
					+ "\" của quy trình nội bộ; kết quả được đề xuất khi chuyển bước cuối (HAND_OVER)." : null;
			case FINISH -> d.approved() ? null : "Chưa có kết quả được chuyên viên đề xuất (APPROVE).";
			case RETURN_RESULT -> d.paid() ? null : "Hồ sơ còn nợ phí, lệ phí (" + d.owedVnd()
					+ " đồng): chỉ trả kết quả khi đã nộp đủ hoặc được miễn.";
			case EXTEND -> d.extendedDueAt() != null ? "Hồ sơ đã được gia hạn một lần; không gia hạn lần thứ hai."
					: d.dueAt() == null ? "Hồ sơ không có ngày hẹn trả để gia hạn." : null;
			case HAND_OVER -> d.step() == null ? "Hồ sơ không có bước xử lý nào đang chờ chuyển."
					: d.step().consultPending()
							? "Bước này đang chờ ý kiến của đơn vị phối hợp (" + d.step().consultUnitCode() + ")." : null;
			case CONSULT_REPLY -> d.step() == null || !d.step().consultPending()
					? "Không có ý kiến phối hợp nào đang chờ." : null;
			case SETTLE_PAYMENT -> d.paid() ? "Hồ sơ đã nộp đủ phí, lệ phí bằng giao dịch khác." : null;
			case EXEMPT_FEE -> d.feeExemption() != null ? "Hồ sơ đã được miễn phí, lệ phí." : null;
			default -> null;
		});
	}

	static String wrongStatus(DossierAction action, DossierStatus status) {
		return "Không thể thực hiện \"" + label("dossier.action." + action) + "\" khi hồ sơ đang ở trạng thái \""
				+ label("dossier.status." + status) + "\".";
	}

	/** The Vietnamese name pages give an action or a status (messages.properties), for problem details. */
	static String label(String key) {
		java.util.ResourceBundle vi = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT,
				java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
		return vi.containsKey(key) ? vi.getString(key) : key.substring(key.lastIndexOf('.') + 1);
	}

	static boolean allowed(DossierAction action, Dossier d) {
		return refusal(action, d).isEmpty();
	}
}
