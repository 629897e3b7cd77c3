/**
 * Theo dõi nhiệm vụ (programme tracker): Đề án 06, Nghị quyết 57 and a province's own plans. Tasks carry the five
 * "clear" fields (rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả), progress reports with evidence, a
 * status decided from the dates and reports; beside them the indicators with their targets, the leadership roster
 * behind the share of leaders with science and technology expertise, training and the province's models
 * (docs/adr/0015).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "calendar", "document", "identity", "organization", "platform" })
@NullMarked
package vn.motcua.programme;

import org.jspecify.annotations.NullMarked;
