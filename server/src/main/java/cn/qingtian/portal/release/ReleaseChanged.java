package cn.qingtian.portal.release;

/** Published when the portal starts serving another release. */
public record ReleaseChanged(Release release) {}
