/**
 * India's 22 telecom circles (licence service areas), the regions Indian numbers are sold in. `id` is the
 * numeric region id the IVR Solutions face uses; `code` is the circle code carriers use (Exotel's `InRegion`).
 * `std` are the circle's landline (STD) area codes, largest city first; `mobile` are four-digit mobile series
 * allotted in the circle. The simulator builds its inventory from these.
 */
export type Circle = { id: number; code: string; name: string; std: string[]; mobile: string[] };

export const indiaCircles: readonly Circle[] = [
  { id: 1, code: 'DL', name: 'Delhi', std: ['11'], mobile: ['9810', '9811', '9871', '8800'] },
  { id: 2, code: 'MU', name: 'Mumbai', std: ['22'], mobile: ['9820', '9821', '9833', '9867'] },
  { id: 3, code: 'KO', name: 'Kolkata', std: ['33'], mobile: ['9830', '9831', '9836', '9874'] },
  { id: 4, code: 'TN', name: 'Tamil Nadu (incl. Chennai)', std: ['44', '422'], mobile: ['9840', '9841', '9884', '9994'] },
  { id: 5, code: 'KA', name: 'Karnataka', std: ['80', '821'], mobile: ['9845', '9880', '9886', '9900'] },
  { id: 6, code: 'AP', name: 'Andhra Pradesh and Telangana', std: ['40', '891'], mobile: ['9848', '9849', '9866', '9885'] },
  { id: 7, code: 'MH', name: 'Maharashtra and Goa', std: ['20', '712'], mobile: ['9822', '9823', '9850', '9890'] },
  { id: 8, code: 'GJ', name: 'Gujarat', std: ['79', '261'], mobile: ['9824', '9825', '9879', '9898'] },
  { id: 9, code: 'KL', name: 'Kerala', std: ['484', '471'], mobile: ['9846', '9847', '9895', '9961'] },
  { id: 10, code: 'PB', name: 'Punjab', std: ['172', '161'], mobile: ['9814', '9815', '9872', '9876'] },
  { id: 11, code: 'HR', name: 'Haryana', std: ['124', '129'], mobile: ['9812', '9813', '9896', '9991'] },
  { id: 12, code: 'UE', name: 'Uttar Pradesh (East)', std: ['522', '542'], mobile: ['9415', '9839', '9889', '9935'] },
  { id: 13, code: 'UW', name: 'Uttar Pradesh (West) and Uttarakhand', std: ['121', '135'], mobile: ['9412', '9837', '9897', '9927'] },
  { id: 14, code: 'RJ', name: 'Rajasthan', std: ['141', '291'], mobile: ['9414', '9828', '9829', '9950'] },
  { id: 15, code: 'MP', name: 'Madhya Pradesh and Chhattisgarh', std: ['755', '731'], mobile: ['9425', '9826', '9827', '9893'] },
  { id: 16, code: 'WB', name: 'West Bengal and Andaman & Nicobar', std: ['343', '353'], mobile: ['9434', '9474', '9832', '9933'] },
  { id: 17, code: 'BR', name: 'Bihar and Jharkhand', std: ['612', '651'], mobile: ['9431', '9835', '9934', '9955'] },
  { id: 18, code: 'OR', name: 'Odisha', std: ['674', '671'], mobile: ['9437', '9438', '9861', '9937'] },
  { id: 19, code: 'AS', name: 'Assam', std: ['361', '376'], mobile: ['9435', '9854', '9864', '9954'] },
  { id: 20, code: 'NE', name: 'North East', std: ['364', '385'], mobile: ['9436', '9856', '9862', '9863'] },
  { id: 21, code: 'HP', name: 'Himachal Pradesh', std: ['177', '1892'], mobile: ['9418', '9816', '9817', '9882'] },
  { id: 22, code: 'JK', name: 'Jammu and Kashmir', std: ['194', '191'], mobile: ['9419', '9596', '9797', '9906'] },
];

export const circleByCode = new Map(indiaCircles.map((circle) => [circle.code, circle]));
export const circleById = new Map(indiaCircles.map((circle) => [circle.id, circle]));
