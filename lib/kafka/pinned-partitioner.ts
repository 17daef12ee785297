// kafkajs chooses a partition for each message of a send, and chooses again each time it retries the send
// (producer/sendMessages.js regroups the messages, then resends only to the brokers that have not answered
// yet). With its round-robin for messages without a key, a retried message can land on another partition:
// written twice when its first partition had taken it, or never when its new partition's broker had
// already answered, while the send still succeeds. This partitioner writes its first choice into the
// message, so a retry sends every message where it went the first time, with the same sequence numbers,
// and the broker of an idempotent producer recognises the copy and keeps one.
import { Partitioners, type ICustomPartitioner } from 'kafkajs';

export const pinnedPartitioner: ICustomPartitioner = () => {
  const choose = Partitioners.DefaultPartitioner();
  return (args) => {
    args.message.partition ??= choose(args);
    return args.message.partition;
  };
};
