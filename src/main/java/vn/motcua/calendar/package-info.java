/**
 * Working time (thời gian làm việc): the Vietnamese lunar calendar, statutory days off and their
 * compensation, each year's declared schedule, working hours, and the one due-date arithmetic every
 * deadline in the system is counted with.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "platform" })
@NullMarked
package vn.motcua.calendar;

import org.jspecify.annotations.NullMarked;
