package cn.qingtian.portal.release;

/** What an import changes in one table: rows added, changed and removed. */
public record TableChange(String table, int added, int changed, int removed) {

  public boolean isEmpty() {
    return added == 0 && changed == 0 && removed == 0;
  }

  @Override
  public String toString() {
    return table + ": +" + added + " ~" + changed + " -" + removed;
  }
}
