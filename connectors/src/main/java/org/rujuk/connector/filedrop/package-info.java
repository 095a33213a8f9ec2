/**
 * File drop in: JSON files an agency system puts in {@code outbox-dir} are checked against the contract and sent to
 * the hub, then moved to {@code sent/}; a file that breaks the contract goes to {@code failed/} with a
 * {@code <name>.error.json} listing each problem as the hub would (a JSON pointer and what to do).
 *
 * <p>Why a crash loses nothing and sends nothing twice: a file leaves the outbox only after the route has finished
 * with it (Camel's {@code move} runs on commit; no {@code preMove}, so there is no half-way folder to forget). A
 * crash before the send leaves the file for the next start. A crash after the send but before the move sends it
 * again on the next start — with the same Artemis duplicate id ({@code connector:<agency>:file:<sha256 of name,
 * modification time and content>}), so the broker drops the second copy (the send is outside any transaction, where
 * Artemis drops a duplicate quietly instead of failing a commit); and a referral that still got through
 * twice (say, the same content dropped again on purpose) is absorbed by the hub, which records one referral per id.
 * The {@code .error.json} is written before the move, atomically, and rewritten identically if a crash repeats it.
 */
package org.rujuk.connector.filedrop;
