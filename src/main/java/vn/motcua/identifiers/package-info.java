/**
 * Vietnamese identifiers checked the way the law structures them: the 12-digit personal identification
 * number (số định danh cá nhân), the enterprise tax code (mã số doanh nghiệp) and phone numbers. Pure
 * functions, no I/O: a structurally valid number may still not exist, which only the national databases
 * can say.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {  })
@NullMarked
package vn.motcua.identifiers;

import org.jspecify.annotations.NullMarked;
