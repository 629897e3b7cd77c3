package vn.motcua.kpi.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.identity.Callers;
import vn.motcua.kpi.KpiFigures;
import vn.motcua.kpi.Kpis;
import vn.motcua.platform.ApiTime;
import vn.motcua.platform.Texts;

/** {@code GET /api/v1/kpi?from=&to=&agency=} as docs/api.md defines it. */
@RestController
class KpiController {

	private final Kpis kpis;
	private final Callers callers;

	KpiController(Kpis kpis, Callers callers) {
		this.kpis = kpis;
		this.callers = callers;
	}

	@GetMapping("/api/v1/kpi")
	Map<String, Object> kpi(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String agency,
			Authentication auth) {
		Kpis.Report r = kpis.report(ApiTime.parseDate(from, "from"), ApiTime.parseDate(to, "to"),
				Texts.strippedOrNull(agency), callers.of(auth));
		KpiFigures f = r.figures();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("received", f.received());
		out.put("receivedOnline", f.receivedOnline());
		out.put("onlineRate", f.onlineRate());
		out.put("onTime", f.onTime());
		out.put("onTimeRate", f.onTimeRate());
		out.put("feeDossiers", f.feeDossiers());
		out.put("paidOnline", f.paidOnline());
		out.put("onlinePaymentRate", f.onlinePaymentRate());
		out.put("digitizedRate", f.digitizedRate());
		out.put("electronicResultRate", f.electronicResultRate());
		out.put("syncDue", f.syncDue());
		out.put("synced", f.synced());
		out.put("syncRate", f.syncRate());
		Map<String, Object> score = new LinkedHashMap<>();
		score.put("total", r.score().total());
		score.put("max", r.score().max());
		score.put("rating", r.score().rating());
		score.put("groups", r.score().groups().stream().map(g -> {
			Map<String, Object> gm = new LinkedHashMap<>();
			gm.put("name", g.name());
			gm.put("score", g.score());
			gm.put("max", g.max());
			gm.put("fullMax", g.fullMax());
			gm.put("indicators", g.indicators().stream().map(i -> {
				Map<String, Object> im = new LinkedHashMap<>();
				im.put("code", i.code());
				im.put("name", i.name());
				im.put("ratio", i.ratio());
				im.put("numerator", i.numerator());
				im.put("denominator", i.denominator());
				im.put("score", i.score());
				im.put("max", i.max());
				return im;
			}).toList());
			return gm;
		}).toList());
		out.put("score", score);
		Map<String, Object> business = new LinkedHashMap<>();
		business.put("published", r.businessProcedures().published());
		business.put("online", r.businessProcedures().online());
		business.put("fullyOnline", r.businessProcedures().fullyOnline());
		business.put("onlineRate", r.businessProcedures().onlineRate());
		out.put("businessProcedures", business);
		return out;
	}
}
