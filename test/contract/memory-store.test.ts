import { MemoryGraphStore } from '../../src/store/memory/MemoryGraphStore';
import { defineGraphStoreContract } from './graph-store-contract';

defineGraphStoreContract('memory (graphology)', async () => new MemoryGraphStore());
