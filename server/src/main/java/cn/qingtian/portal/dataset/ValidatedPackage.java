package cn.qingtian.portal.dataset;

import java.util.List;

/** A data package whose every table passed validation, ready to import. */
public record ValidatedPackage(DataPackage descriptor, List<Table> tables) {}
