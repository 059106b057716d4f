import { labelToolsText } from './label-tools-messages.js';

// Which tools read and write a directory's attributes on this host, as facts: the purge plan
// words them when shown (the run's language) and in its JSON (English).
export interface LabelToolFacts {
  /** getfattr is installed (extended attributes and the SELinux label are read with it). */
  getfattr: boolean;
  /** setfattr is installed (extended attributes are written with it). */
  setfattr: boolean;
  /** lsattr is installed (inode flags are read with it; chattr writes them). */
  lsattr: boolean;
  /** SELinux is enabled on this host. */
  selinux: boolean;
}

// The attribute tools in words: the run's language unless told ('en' for the plan's JSON).
export function labelToolsWords(f: LabelToolFacts, lang?: 'en'): string {
  const t = labelToolsText(lang);
  return t.toolsRead(f.getfattr ? 'getfattr/setfattr' : undefined, f.lsattr ? 'lsattr/chattr' : undefined, !f.setfattr && f.getfattr, f.selinux);
}
