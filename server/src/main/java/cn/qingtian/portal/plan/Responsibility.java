package cn.qingtian.portal.plan;

/** That a unit is responsible for a measure, at a position in its list (1 = lead). */
record Responsibility(
    String planCode, String measureCode, int position, String departmentCode, String role) {}
