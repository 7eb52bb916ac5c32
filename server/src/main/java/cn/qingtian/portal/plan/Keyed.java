package cn.qingtian.portal.plan;

/** A DataLoader key: a parent key read in one release, so batches never mix releases. */
record Keyed<K>(int release, K key) {}
