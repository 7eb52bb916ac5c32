package cn.qingtian.portal.disclosure;

import java.util.List;

/**
 * The 32 townships of Qingtian (4 街道, 10 镇, 18 乡; docs/decisions/methods.md §5). The codes are the
 * portal's own (T01…T32), not administrative codes; {@code weight} is the synthetic generator's
 * relative size, not a population figure.
 */
public record Township(String code, String nameZh, String kind, double weight) {

  public static final List<Township> ALL =
      List.of(
          new Township("T01", "鹤城街道", "SUBDISTRICT", 7.8),
          new Township("T02", "瓯南街道", "SUBDISTRICT", 4.6),
          new Township("T03", "油竹街道", "SUBDISTRICT", 3.5),
          new Township("T04", "三溪口街道", "SUBDISTRICT", 1.1),
          new Township("T05", "温溪镇", "TOWN", 7.6),
          new Township("T06", "东源镇", "TOWN", 1.8),
          new Township("T07", "高湖镇", "TOWN", 1.6),
          new Township("T08", "船寮镇", "TOWN", 1.5),
          new Township("T09", "海口镇", "TOWN", 1.2),
          new Township("T10", "腊口镇", "TOWN", 1.0),
          new Township("T11", "北山镇", "TOWN", 0.9),
          new Township("T12", "山口镇", "TOWN", 1.0),
          new Township("T13", "仁庄镇", "TOWN", 0.8),
          new Township("T14", "祯埠镇", "TOWN", 0.5),
          new Township("T15", "万山乡", "TOWNSHIP", 0.3),
          new Township("T16", "黄垟乡", "TOWNSHIP", 0.25),
          new Township("T17", "季宅乡", "TOWNSHIP", 0.3),
          new Township("T18", "高市乡", "TOWNSHIP", 0.25),
          new Township("T19", "海溪乡", "TOWNSHIP", 0.3),
          new Township("T20", "祯旺乡", "TOWNSHIP", 0.2),
          new Township("T21", "舒桥乡", "TOWNSHIP", 0.3),
          new Township("T22", "巨浦乡", "TOWNSHIP", 0.2),
          new Township("T23", "万阜乡", "TOWNSHIP", 0.25),
          new Township("T24", "方山乡", "TOWNSHIP", 0.4),
          new Township("T25", "汤垟乡", "TOWNSHIP", 0.15),
          new Township("T26", "贵岙乡", "TOWNSHIP", 0.2),
          new Township("T27", "小舟山乡", "TOWNSHIP", 0.1),
          new Township("T28", "吴坑乡", "TOWNSHIP", 0.15),
          new Township("T29", "仁宫乡", "TOWNSHIP", 0.2),
          new Township("T30", "章旦乡", "TOWNSHIP", 0.2),
          new Township("T31", "阜山乡", "TOWNSHIP", 0.4),
          // Two secondary sources disagree on this one name (docs/decisions/methods.md §5);
          // both are given.
          new Township("T32", "章村乡／岭根乡", "TOWNSHIP", 0.12));
}
