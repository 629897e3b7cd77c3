package vn.motcua.document;

import vn.motcua.identity.Caller;

/**
 * Who besides its owner may read a stored file: a module that attaches files to its records (a dossier, a
 * programme task) answers for the people who may see those records.
 */
public interface DocumentReaders {

	boolean mayRead(StoredDocument document, Caller caller);
}
