package com.successworkshop.task.domain;

/** Where an instance comes from: an FTOP task template, or the playbook's Next steps. */
public enum TaskKind {
    FTOP, ADOPTION_SME, CHECK_IN
}
