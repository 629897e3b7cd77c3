package vn.motcua;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Test procedures loaded once per server through the administrators' CSV import. */
public final class TestProcedures {

	private TestProcedures() {
	}

	/** A published provincial procedure, fully online, with one default case of {@code days} working days. */
	public static synchronized void ensure(Api api, String code, String name, String agency, int days, long feeVnd) {
		if (api.get("/api/v1/procedures/" + code).status() == 200) {
			return;
		}
		String csv = "code,name,field,agencyCode,level,durationWorkingDays,feeVnd,onlineLevel,internal\n" + code + ","
				+ name + ",Kiểm thử," + agency + ",PROVINCE," + days + "," + feeVnd + ",FULL,false\n";
		Api.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/procedures:import"))
			.header("Content-Type", "text/csv")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(csv)), api.token("admin"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}
}
