import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { defineGraphStoreContract } from './graph-store-contract';
import { defineTraversalContract } from './traversal-contract';

defineGraphStoreContract('memory (graphology)', async () => new MemoryGraphStore());
defineTraversalContract('memory (graphology)', async () => new MemoryGraphStore());
