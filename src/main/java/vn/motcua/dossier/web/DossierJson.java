package vn.motcua.dossier.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.motcua.dossier.Dossier;
import vn.motcua.platform.ApiTime;

/** The dossier as docs/api.md writes it. */
final class DossierJson {

	private DossierJson() {
	}

	static Map<String, @Nullable Object> of(Dossier d) {
		Map<String, @Nullable Object> m = new LinkedHashMap<>();
		m.put("code", d.code());
		m.put("procedureCode", d.procedureCode());
		m.put("procedureName", d.procedureName());
		m.put("caseCode", d.caseCode());
		m.put("agencyCode", d.agencyCode());
		m.put("receivingUnitCode", d.receivingUnitCode());
		m.put("status", d.status().name());
		m.put("nationalStatus", d.status().nationalCode());
		m.put("channel", d.channel().name());
		m.put("submittedAt", ApiTime.format(d.submittedAt()));
		m.put("receivedAt", ApiTime.format(d.receivedAt()));
		m.put("dueAt", ApiTime.format(d.dueAt()));
		m.put("extendedDueAt", ApiTime.format(d.extendedDueAt()));
		m.put("finishedAt", ApiTime.format(d.finishedAt()));
		m.put("returnedAt", ApiTime.format(d.returnedAt()));
		m.put("stoppedAt", ApiTime.format(d.stoppedAt()));
		m.put("onTime", d.onTime());
		m.put("supplements", d.supplements().stream().map(s -> {
			Map<String, @Nullable Object> sm = new LinkedHashMap<>();
			sm.put("requestedAt", ApiTime.format(s.requestedAt()));
			sm.put("completedAt", ApiTime.format(s.completedAt()));
			sm.put("reason", s.reason());
			sm.put("items", s.items());
			return sm;
		}).toList());
		m.put("feeVnd", d.feeVnd());
		m.put("paid", d.paid());
		m.put("paidOnline", d.paidOnline());
		m.put("registryCheck", d.registryCheck());
		m.put("assuranceLevel", d.assuranceLevel());
		m.put("approved", d.approved());
		m.put("assignee", d.assignee());
		m.put("deadlineState", d.deadlineState());
		Map<String, @Nullable Object> a = new LinkedHashMap<>();
		a.put("type", d.applicant().type());
		a.put("idNumber", d.applicant().idNumber());
		a.put("fullName", d.applicant().fullName());
		a.put("dateOfBirth", d.applicant().dateOfBirth() == null ? null : d.applicant().dateOfBirth().toString());
		a.put("taxCode", d.applicant().taxCode());
		a.put("businessName", d.applicant().businessName());
		a.put("phone", d.applicant().phone());
		a.put("email", d.applicant().email());
		a.put("address", d.applicant().address());
		m.put("applicant", a);
		m.put("documents", d.components().stream().map(c -> {
			Map<String, @Nullable Object> cm = new LinkedHashMap<>();
			cm.put("component", c.component());
			cm.put("documentId", c.documentId() == null ? null : c.documentId().toString());
			cm.put("paper", c.paper());
			cm.put("replacedByData", c.kind() == vn.motcua.dossier.Dossier.ComponentKind.DATA);
			cm.put("fileName", c.fileName());
			cm.put("reused", c.reused());
			return cm;
		}).toList());
		m.put("formData", d.formData());
		m.put("digitized", d.digitized());
		m.put("electronicResult", d.electronicResult());
		m.put("version", d.version());
		return m;
	}
}
