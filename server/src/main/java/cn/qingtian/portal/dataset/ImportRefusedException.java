package cn.qingtian.portal.dataset;

import java.util.List;

/** An import that was refused before anything was written, with the reasons for people. */
public class ImportRefusedException extends RuntimeException {

  private final List<Problem> problems;

  public ImportRefusedException(List<Problem> problems) {
    super(problems.size() + " problem(s): " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
