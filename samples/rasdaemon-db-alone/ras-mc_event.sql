-- The tables and rows of samples/rasdaemon-db-alone/ras-mc_event.db, as rasdaemon 0.8.x creates and fills
-- them (ras-record.c db_fields[]; reference ras-tools-formats.md §2.5). mce_record was created by 0.6.x and
-- upgraded: ALTER TABLE appended ppin, microcode and mcastatus_msg, as ras_mc_alter_table() does, so its
-- columns are not in the order of a fresh database. Registers are stored signed (sqlite3_bind_int64), so a
-- status with bit 63 set is negative. Regenerate the database with:
--   sqlite3 -cmd 'PRAGMA page_size=512' ras-mc_event.db < ras-mc_event.sql && sqlite3 ras-mc_event.db VACUUM
PRAGMA page_size=512;
CREATE TABLE IF NOT EXISTS mc_event (id INTEGER PRIMARY KEY, timestamp TEXT, err_count INTEGER, err_type TEXT, err_msg TEXT, label TEXT, mc INTEGER, top_layer INTEGER, middle_layer INTEGER, lower_layer INTEGER, address INTEGER, grain INTEGER, syndrome INTEGER, driver_detail TEXT);
CREATE TABLE IF NOT EXISTS mce_record (id INTEGER PRIMARY KEY, timestamp TEXT, mcgcap INTEGER, mcgstatus INTEGER, status INTEGER, addr INTEGER, misc INTEGER, ip INTEGER, tsc INTEGER, walltime INTEGER, cpu INTEGER, cpuid INTEGER, apicid INTEGER, socketid INTEGER, cs INTEGER, bank INTEGER, cpuvendor INTEGER, bank_name TEXT, error_msg TEXT, mcgstatus_msg TEXT, mcistatus_msg TEXT, user_action TEXT, mc_location TEXT);
ALTER TABLE mce_record ADD ppin INTEGER;
ALTER TABLE mce_record ADD microcode INTEGER;
ALTER TABLE mce_record ADD mcastatus_msg TEXT;
CREATE TABLE IF NOT EXISTS aer_event (id INTEGER PRIMARY KEY, timestamp TEXT, dev_name TEXT, err_type TEXT, err_msg TEXT);
CREATE TABLE IF NOT EXISTS memory_failure_event (id INTEGER PRIMARY KEY, timestamp TEXT, pfn TEXT, page_type TEXT, action_result TEXT);
CREATE TABLE IF NOT EXISTS devlink_event (id INTEGER PRIMARY KEY, timestamp TEXT, bus_name TEXT, dev_name TEXT, driver_name TEXT, reporter_name TEXT, msg TEXT);
CREATE TABLE IF NOT EXISTS disk_errors (id INTEGER PRIMARY KEY, timestamp TEXT, dev TEXT, sector INTEGER, nr_sector INTEGER, error TEXT, rwbs TEXT, cmd TEXT);
-- skx_edac corrected errors on one DIMM over a day (grain holds grain_bits: 6 = 64 bytes)
INSERT INTO mc_event VALUES(NULL,'2026-11-20 22:14:05 +0100',1,'Corrected','memory read error','CPU_SrcID#0_MC#0_Chan#1_DIMM#0',0,1,0,-1,274849339968,6,0,'err_code:0x0000:0x0091 SystemAddress:0x3ffe4c1a40 ProcessorSocketId:0x0 MemoryControllerId:0x0 ChannelAddress:0x1ff3260d40 ChannelId:0x1 RankAddress:0x7fcc9340 PhysicalRankId:0x0 DimmSlotId:0x0 Row:0x1ff3 Column:0x350 Bank:0x1 BankGroup:0x2 ChipSelect:0x0 ChipId:0x0');
INSERT INTO mc_event VALUES(NULL,'2026-11-21 03:40:51 +0100',1,'Corrected','memory read error','CPU_SrcID#0_MC#0_Chan#1_DIMM#0',0,1,0,-1,274849339968,6,0,'err_code:0x0000:0x0091 SystemAddress:0x3ffe4c1a40 ProcessorSocketId:0x0 MemoryControllerId:0x0 ChannelAddress:0x1ff3260d40 ChannelId:0x1 RankAddress:0x7fcc9340 PhysicalRankId:0x0 DimmSlotId:0x0 Row:0x1ff3 Column:0x350 Bank:0x1 BankGroup:0x2 ChipSelect:0x0 ChipId:0x0');
-- then an uncorrected error consumed by a process on another DIMM: the machine check, EDAC's decode, the verdict
INSERT INTO mce_record (id, timestamp, mcgcap, mcgstatus, status, addr, misc, ip, tsc, walltime, cpu, cpuid, apicid, socketid, cs, bank, cpuvendor, bank_name, error_msg, mcgstatus_msg, mcistatus_msg, user_action, mc_location, ppin, microcode, mcastatus_msg) VALUES(NULL,'2026-11-21 10:20:34 +0100',251661332,7,-4791830003522207598,14068670464,86,140187732541264,2015049871201811,1795252834,5,329300,10,0,51,1,0,NULL,'MEMORY CONTROLLER RD_CHANNEL2_ERR Transaction: Memory read error','mcgstatus=7 RIPV EIPV MCIP','Uncorrected_error Error_enabled SRAR',NULL,'n_errors=1 memory_channel=2',4262489862348987242,33583110,'MemCtrl: ');
INSERT INTO mc_event VALUES(NULL,'2026-11-21 10:20:34 +0100',1,'Uncorrected','memory read error','CPU_SrcID#0_MC#0_Chan#2_DIMM#0',0,2,0,-1,14068670464,6,0,'err_code:0x0000:0x0092 SystemAddress:0x3468ee000 ProcessorSocketId:0x0 MemoryControllerId:0x0 ChannelId:0x2');
INSERT INTO memory_failure_event VALUES(NULL,'2026-11-21 10:20:34 +0100','0x3468ee','dirty LRU page','Recovered');
-- unrelated: a corrected PCIe error, a NIC health report, a disk read error
INSERT INTO aer_event VALUES(NULL,'2026-11-21 11:02:17 +0100','0000:3b:00.0','Corrected','Receiver Error (First)');
INSERT INTO devlink_event VALUES(NULL,'2026-11-21 11:05:00 +0100','pci','0000:5e:00.0','mlx5_core','fw','Health compromised: Firmware fatal error');
INSERT INTO disk_errors VALUES(NULL,'2026-11-21 11:30:12 +0100','8:16',104857600,8,'critical medium','R','');
